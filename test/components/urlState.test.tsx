import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { sameConfig, useUrlConfig } from '@/components/state/urlState';
import { DEFAULT_CONFIG } from '@/lib/config/config';

beforeEach(() => {
  window.history.replaceState(null, '', '/playground/');
});

describe('useUrlConfig', () => {
  it('keeps the defaults object for a default URL', () => {
    const { result } = renderHook(() => useUrlConfig());
    expect(result.current.ready).toBe(true);
    expect(result.current.config).toBe(DEFAULT_CONFIG);
  });

  it('reads a changed URL into a new configuration', () => {
    window.history.replaceState(null, '', '/playground/?passages=100');
    const { result } = renderHook(() => useUrlConfig());
    expect(result.current.config.passages).toBe(100);
    expect(result.current.config).not.toBe(DEFAULT_CONFIG);
  });

  it('keeps the configuration when back returns to equal values', () => {
    const { result } = renderHook(() => useUrlConfig());
    act(() => result.current.setConfig((previous) => ({ ...previous, batchSize: 8 })));
    const edited = result.current.config;
    window.history.replaceState(null, '', '/playground/?batch=8');
    act(() => {
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(result.current.config).toBe(edited);
  });
});

describe('sameConfig', () => {
  it('accepts a copy with copied nested objects', () => {
    const copy = { ...DEFAULT_CONFIG, encoderCustom: { ...DEFAULT_CONFIG.encoderCustom }, customHardware: { ...DEFAULT_CONFIG.customHardware } };
    expect(sameConfig(DEFAULT_CONFIG, copy)).toBe(true);
  });

  it('sees a changed top-level value', () => {
    expect(sameConfig(DEFAULT_CONFIG, { ...DEFAULT_CONFIG, passages: 41 })).toBe(false);
  });

  it('sees a changed nested value', () => {
    const wider = { ...DEFAULT_CONFIG, decoderCustom: { ...DEFAULT_CONFIG.decoderCustom, dModel: 1024 } };
    expect(sameConfig(DEFAULT_CONFIG, wider)).toBe(false);
  });
});

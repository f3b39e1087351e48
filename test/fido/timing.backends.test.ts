// @vitest-environment node
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { fallbackMessage, fastestProbe, parseBackendChoice, probeBackend, selectBackend, type TensorFlow } from '@/lib/fido/backends';
import type { BackendName, BackendProbe } from '@/lib/fido/protocol';

/** A probe that reports the given outcome per backend and activates cpu, the one Node always has. */
function fakeProbe(outcomes: Record<BackendName, number | string>) {
  const calls: BackendName[] = [];
  const probe = async (_tf: TensorFlow, backend: BackendName): Promise<BackendProbe> => {
    calls.push(backend);
    const outcome = outcomes[backend];
    return typeof outcome === 'number' ? { backend, ok: true, medianSeconds: outcome } : { backend, ok: false, error: outcome };
  };
  return { probe, calls };
}

describe('selectBackend', () => {
  it('picks the fastest working backend on auto', async () => {
    const { probe } = fakeProbe({ webgl: 0.05, wasm: 0.01, cpu: 0.2 });
    const selection = await selectBackend(tf, 'auto', probe);
    expect(selection.backend).toBe('wasm');
    expect(selection.fallback).toBeUndefined();
    expect(tf.getBackend()).toBe('wasm');
  });

  it('keeps a requested backend that works without probing others', async () => {
    const { probe, calls } = fakeProbe({ webgl: 0.05, wasm: 0.01, cpu: 0.2 });
    const selection = await selectBackend(tf, 'cpu', probe);
    expect(selection.backend).toBe('cpu');
    expect(calls).toEqual(['cpu']);
  });

  it('falls back from unavailable WebGL and says so', async () => {
    const { probe } = fakeProbe({ webgl: 'WebGL is not supported on this device', wasm: 0.01, cpu: 0.2 });
    const selection = await selectBackend(tf, 'webgl', probe);
    expect(selection.backend).toBe('wasm');
    expect(selection.fallback).toMatch(/^WebGL is not available here \(WebGL is not supported on this device\); running on wasm\./);
  });

  it('mentions a failed WebGL on auto too', async () => {
    const { probe } = fakeProbe({ webgl: 'no context', wasm: 0.01, cpu: 0.2 });
    const selection = await selectBackend(tf, 'auto', probe);
    expect(selection.fallback).toMatch(/WebGL is not available here/);
  });

  it('throws when no backend works', async () => {
    const { probe } = fakeProbe({ webgl: 'a', wasm: 'b', cpu: 'c' });
    await expect(selectBackend(tf, 'auto', probe)).rejects.toThrow(/No TensorFlow.js backend works here \(webgl: a; wasm: b; cpu: c\)/);
  });
});

describe('probeBackend', () => {
  it('times a matmul on cpu', async () => {
    const probe = await probeBackend(tf, 'cpu', 16);
    expect(probe.ok).toBe(true);
    expect(probe.medianSeconds).toBeGreaterThanOrEqual(0);
    expect(tf.getBackend()).toBe('cpu');
  });

  it('reports WebGL as unavailable in Node', async () => {
    const probe = await probeBackend(tf, 'webgl', 16);
    expect(probe.ok).toBe(false);
    expect(probe.error).toBeTruthy();
  });
});

describe('fastestProbe', () => {
  it('ignores failed probes', () => {
    const best = fastestProbe([
      { backend: 'webgl', ok: false, error: 'x' },
      { backend: 'cpu', ok: true, medianSeconds: 0.3 },
      { backend: 'wasm', ok: true, medianSeconds: 0.1 },
    ]);
    expect(best?.backend).toBe('wasm');
  });
});

describe('fallbackMessage', () => {
  it('shortens a long multi-line reason', () => {
    const message = fallbackMessage('webgl', { backend: 'webgl', ok: false, error: `${'x'.repeat(300)}\nstack` }, 'cpu');
    expect(message.length).toBeLessThan(200);
    expect(message).toMatch(/running on cpu\.$/);
  });
});

describe('parseBackendChoice', () => {
  it('reads a valid choice in any case', () => {
    expect(parseBackendChoice('WASM')).toEqual({ value: 'wasm' });
  });

  it('defaults to auto without a value', () => {
    expect(parseBackendChoice(null)).toEqual({ value: 'auto' });
  });

  it('falls back to auto with a notice', () => {
    expect(parseBackendChoice('webgpu', 'live.backend')).toEqual({
      value: 'auto',
      notice: { key: 'live.backend', given: 'webgpu', used: 'auto', reason: 'not one of auto, webgl, wasm, cpu; the default is used' },
    });
  });
});

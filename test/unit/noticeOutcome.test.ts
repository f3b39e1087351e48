import { describe, expect, it } from 'vitest';
import { describeNoticeOutcome } from '@/lib/config/schema';
import { parseConfig } from '@/lib/config/url';

function outcomeOf(query: string, key: string): string {
  const notice = parseConfig(query).notices.find((n) => n.key === key);
  if (!notice) throw new Error(`no notice for "${key}" in ${query}`);
  return describeNoticeOutcome(notice);
}

describe('describeNoticeOutcome', () => {
  it('names an ignored hardware key', () => {
    expect(outcomeOf('?hw=a100&peak=1', 'peak')).toBe('ignored');
  });

  it('names an ignored custom-size key', () => {
    expect(outcomeOf('?enc=base&encd=64', 'encd')).toBe('ignored');
  });

  it('quotes a replaced value', () => {
    expect(outcomeOf('?kv=abc', 'kv')).toBe('used 0');
    expect(outcomeOf('?batch=-5', 'batch')).toBe('used 1');
  });
});

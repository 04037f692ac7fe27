import { afterEach, describe, expect, it, vi } from 'vitest';
import { nowIsoText } from '../../src/observe/timeText.js';

describe('nowIsoText', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is the current time as ISO 8601, made again when the millisecond changes', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-02T10:00:00.123Z'));
    expect(nowIsoText()).toBe('2026-12-02T10:00:00.123Z');
    expect(nowIsoText()).toBe('2026-12-02T10:00:00.123Z');
    vi.setSystemTime(new Date('2026-12-02T10:00:00.124Z'));
    expect(nowIsoText()).toBe('2026-12-02T10:00:00.124Z');
    // Back in time (a test's fake clock): still the time asked.
    vi.setSystemTime(new Date('2020-01-01T00:00:00.000Z'));
    expect(nowIsoText()).toBe('2020-01-01T00:00:00.000Z');
  });
});

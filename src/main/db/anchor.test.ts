import { describe, expect, it } from 'vitest';
import { compareWithAnchor } from './anchor';

const anchor = { seq: 10, hash: 'h10', at: '2026-11-29T10:00:00.000Z' };
const hashes: Record<number, string> = { 8: 'h8', 10: 'h10', 12: 'h12' };
const hashAt = (seq: number) => hashes[seq] ?? null;

describe('a database against its anchor', () => {
  it('is in step, ahead (a crash between commit and anchor), behind, or not the same caseload', () => {
    expect(compareWithAnchor(anchor, { seq: 10, hash: 'h10' }, hashAt)).toEqual({ state: 'in-step' });
    expect(compareWithAnchor(anchor, { seq: 12, hash: 'h12' }, hashAt)).toEqual({ state: 'ahead' });
    expect(compareWithAnchor(anchor, { seq: 8, hash: 'h8' }, hashAt)).toEqual({ state: 'behind', missing: 2 });
    expect(compareWithAnchor(anchor, null, hashAt)).toEqual({ state: 'behind', missing: 10 });
    // Same length, other content: an altered or foreign copy put in its place.
    expect(compareWithAnchor(anchor, { seq: 10, hash: 'other' }, hashAt)).toEqual({ state: 'diverged', atSeq: 10 });
    expect(compareWithAnchor(anchor, { seq: 12, hash: 'h12' }, () => 'other')).toEqual({
      state: 'diverged',
      atSeq: 10,
    });
    expect(compareWithAnchor({ ...anchor, seq: 0, hash: '' }, null, hashAt)).toEqual({ state: 'in-step' });
  });
});

import { describe, expect, it } from 'vitest';
import type { ComparisonRow } from '../../contract/assessments';
import { compareSeries, measureCatalog } from '../measures';
import { outcomeTable } from './outcomes';

describe("a letter's outcome table", () => {
  it('marks a partial ESAS-r total incomplete and reports it not judged, as the Progress screen does', () => {
    const def = measureCatalog.esas_r;
    const compared = compareSeries(def, [
      { date: '2026-09-01', value: 45, assessmentId: 'a1', kind: 'baseline' },
      { date: '2026-11-01', value: 14, assessmentId: 'a2', kind: 'reassessment', incomplete: { answered: 7, of: 9 } },
    ]);
    const row = {
      measureKey: 'esas_r',
      name: def.name,
      shortName: def.shortName,
      unit: def.unit,
      decimals: def.decimals,
      better: def.better,
      parent: null,
      ...compared,
      cutoffFlags: [],
      mcid: null,
      mcidGap: null,
    } as unknown as ComparisonRow;
    const [line] = outcomeTable([row], (d) => d).rows;
    expect(line![2]).toBe('14 points, incomplete (7 of 9 items) (2026-11-01)');
    expect(line![4]).toMatch(/^Not judged: Not judged against the MCID: a total is incomplete \(7 of 9 items\)/);
  });
});

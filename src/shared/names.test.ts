import { describe, expect, it } from 'vitest';
import { foldName, laterNameWords } from './names';

describe('foldName', () => {
  it('folds case, accents and apostrophes so either spelling finds the other', () => {
    expect(foldName('Zoë')).toBe(foldName('zoe'));
    expect(foldName('Ngũgĩ')).toBe('ngugi');
    expect(foldName("O'Brien")).toBe('obrien');
    expect(foldName('O’Brien')).toBe('obrien');
    expect(foldName('ZOË')).toBe('zoe');
    // Typed with a combining accent rather than the precomposed letter.
    expect(foldName('Zoe\u0308')).toBe('zoe');
    expect(foldName('Łukasz Søren Straße')).toBe('lukasz soren strasse');
    expect(foldName('İlkay')).toBe('ilkay');
    expect(foldName('  Mary   Ann ')).toBe('mary ann');
  });

  it('leaves scripts without accents as they are', () => {
    expect(foldName('王')).toBe('王');
    expect(foldName('Александра')).toBe('александра');
  });
});

describe('laterNameWords', () => {
  it('gives each folded word of a name after its first, which its own key finds', () => {
    expect(laterNameWords('Mary Ann', "Ó'Brien-Ngũgĩ", null)).toEqual(['ann', 'ngugi']);
    expect(laterNameWords('Ruth', 'Okafor', 'Ruthie')).toEqual([]);
    expect(laterNameWords('Jean-Paul Marie', 'de la Cruz', '')).toEqual(['paul', 'marie', 'la', 'cruz']);
    expect(laterNameWords('  ', undefined)).toEqual([]);
  });
});

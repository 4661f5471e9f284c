/**
 * The search key of a name: case, accents and apostrophes folded away, so "zoe" finds Zoë, "Ngugi"
 * finds Ngũgĩ and "obrien" finds O'Brien. Stored beside each name (patient.family_key and friends)
 * and applied to what is typed, so a search stays an index range scan.
 */
const letters: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
  ŋ: 'n',
};

export function foldName(name: string): string {
  return name
    .trim()
    .toLocaleLowerCase('en')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøđðþłıħŋ]/g, (c) => letters[c] ?? c)
    .replace(/['’‘`´ʼ]/g, '')
    .replace(/\s+/g, ' ');
}

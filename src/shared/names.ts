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

/**
 * The words of a name after its first, folded: "Ó'Brien-Ngũgĩ" gives ngugi, "Mary Ann" gives ann.
 * A name's first word is found from its own key (patient.family_key); these find a name of several
 * parts by any other word of it.
 */
export function laterNameWords(...names: Array<string | null | undefined>): string[] {
  const words = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    for (const word of foldName(name)
      .split(/[\s\-‐‑–—]+/)
      .slice(1))
      if (word) words.add(word);
  }
  return [...words];
}

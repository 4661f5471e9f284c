import type { intakeChannels } from '../../shared/contract/intake';
import { listCaseload } from '../services/intake/caseload';
import { listContacts, saveContact } from '../services/intake/contacts';
import { getIntakeRecord } from '../services/intake/record';
import { getSafetyContext } from '../services/intake/safetyContext';
import * as sections from '../services/intake/sections';
import {
  precautionPolicy,
  savePrecautionPolicy,
  saveSiteAlertPolicy,
  siteAlertPolicy,
} from '../services/intake/siteAlerts';
import type { HandlersFor } from './types';

/** Each save returns the refreshed record, so a section shows exactly what was stored. */
export const intakeHandlers: HandlersFor<typeof intakeChannels> = {
  'intake.safetyContext': (ctx, input) => getSafetyContext(ctx, input.patientId, input.date),
  'intake.record': (ctx, input) => getIntakeRecord(ctx, input.patientId),
  'intake.saveDetails': (ctx, input) => (sections.saveDetails(ctx, input), getIntakeRecord(ctx, input.patientId)),
  'intake.changeStatus': (ctx, input) => (sections.changeStatus(ctx, input), getIntakeRecord(ctx, input.patientId)),
  'intake.saveCareTeamMember': (ctx, input) => (
    sections.saveCareTeamMember(ctx, input),
    getIntakeRecord(ctx, input.patientId)
  ),
  'intake.saveReferral': (ctx, input) => (sections.saveReferral(ctx, input), getIntakeRecord(ctx, input.patientId)),
  'intake.saveDiagnosis': (ctx, input) => (sections.saveDiagnosis(ctx, input), getIntakeRecord(ctx, input.patientId)),
  'intake.saveBoneLesion': (ctx, input) => (sections.saveBoneLesion(ctx, input), getIntakeRecord(ctx, input.patientId)),
  'intake.saveTreatment': (ctx, input) => (sections.saveTreatment(ctx, input), getIntakeRecord(ctx, input.patientId)),
  'intake.saveComorbidity': (ctx, input) => (
    sections.saveComorbidity(ctx, input),
    getIntakeRecord(ctx, input.patientId)
  ),
  'intake.saveMedication': (ctx, input) => (sections.saveMedication(ctx, input), getIntakeRecord(ctx, input.patientId)),
  'intake.saveClearance': (ctx, input) => (sections.saveClearance(ctx, input), getIntakeRecord(ctx, input.patientId)),
  'intake.saveScreening': (ctx, input) => (sections.saveScreening(ctx, input), getIntakeRecord(ctx, input.patientId)),
  'intake.saveGoal': (ctx, input) => (sections.saveGoal(ctx, input), getIntakeRecord(ctx, input.patientId)),
  'contacts.list': (ctx, input) => listContacts(ctx, input),
  'contacts.save': (ctx, input) => saveContact(ctx, input),
  'caseload.list': (ctx, input) => listCaseload(ctx, input),
  'intake.siteAlertPolicy': (ctx) => siteAlertPolicy(ctx),
  'intake.saveSiteAlertPolicy': (ctx, input) => saveSiteAlertPolicy(ctx, input),
  'intake.precautionPolicy': (ctx) => precautionPolicy(ctx),
  'intake.savePrecautionPolicy': (ctx, input) => savePrecautionPolicy(ctx, input),
  'intake.saveHeartFunction': (ctx, input) => (
    sections.saveHeartFunction(ctx, input),
    getIntakeRecord(ctx, input.patientId)
  ),
};

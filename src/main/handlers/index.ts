import type { ChannelName } from '../../shared/contract';
import * as maintenance from '../services/maintenance';
import * as patients from '../services/patients';
import * as settings from '../services/settings';
import { accessHandlers } from './access';
import { assessmentsHandlers } from './assessments';
import { auditHandlers } from './audit';
import { checkInHandlers } from './checkIn';
import { deviceHandlers } from './device';
import { displayHandlers } from './display';
import { exportsHandlers } from './exports';
import { intakeHandlers } from './intake';
import { lettersHandlers } from './letters';
import { reportsHandlers } from './reports';
import { sessionsHandlers } from './sessions';
import { standardExportHandlers } from './standardExports';
import type { Handler, HandlersFor } from './types';
import type { patientChannels } from '../../shared/contract/patients';
import type { setupChannels } from '../../shared/contract/setup';

export type { Handler } from './types';

const foundationHandlers: HandlersFor<typeof setupChannels & typeof patientChannels> = {
  'app.state': (ctx) => settings.appState(ctx),
  'clinicians.list': (ctx) => settings.listClinicians(ctx),
  'maintenance.backUp': (ctx) => maintenance.backUpCaseload(ctx),
  'maintenance.checkAuditTrail': (ctx) => maintenance.checkAuditTrail(ctx),
  'maintenance.backUpTo': (ctx) => maintenance.backUpToFolder(ctx),
  'maintenance.backupPolicy': (ctx) => maintenance.backupPolicy(ctx),
  'maintenance.setBackupPolicy': (ctx, input) => maintenance.setBackupPolicy(ctx, input),
  'maintenance.listBackups': (ctx) => maintenance.listCaseloadBackups(ctx),
  'maintenance.importBackup': (ctx) => maintenance.importCaseloadBackup(ctx),
  'maintenance.restore': (ctx, input) => maintenance.restoreCaseload(ctx, input.fileName),
  'maintenance.reconcile': (ctx, input) => maintenance.reconcile(ctx, input.fresh),
  'recovery.restore': () => maintenance.nothingToRecover(),
  'recovery.continue': () => maintenance.nothingToRecover(),
  'patients.create': (ctx, input) => patients.createPatient(ctx, input),
  'patients.search': (ctx, input) => patients.searchPatients(ctx, input),
  'patients.get': (ctx, input) => patients.getPatient(ctx, input.patientId),
  'patients.findMatches': (ctx, input) => patients.findMatches(ctx, input),
};

/**
 * One handler per contract channel, joined from each workflow's map. The annotation makes a
 * channel without a handler a type error, so nothing is registered by hand outside this list.
 */
export const handlers: { [K in ChannelName]: Handler<K> } = {
  ...foundationHandlers,
  ...accessHandlers,
  ...intakeHandlers,
  ...sessionsHandlers,
  ...checkInHandlers,
  ...assessmentsHandlers,
  ...auditHandlers,
  ...lettersHandlers,
  ...exportsHandlers,
  ...standardExportHandlers,
  ...reportsHandlers,
  ...displayHandlers,
  ...deviceHandlers,
};

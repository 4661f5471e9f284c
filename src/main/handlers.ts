import type { ChannelName, OutputOf, ParsedInputOf } from '../shared/contract';
import type { ServiceContext } from './context';
import * as patients from './services/patients';
import * as settings from './services/settings';

export type Handler<K extends ChannelName> = (
  ctx: ServiceContext,
  input: ParsedInputOf<K>,
) => OutputOf<K> | Promise<OutputOf<K>>;

export type Handlers = { [K in ChannelName]: Handler<K> };

/**
 * One handler per contract channel. The mapped type makes a missing or misspelled channel a
 * type error, so nothing is registered by hand outside this list.
 */
export const handlers: Handlers = {
  'app.state': (ctx) => settings.appState(ctx),
  'setup.complete': (ctx, input) => settings.completeSetup(ctx, input),
  'clinicians.list': (ctx) => settings.listClinicians(ctx),
  'clinicians.add': (ctx, input) => settings.addClinician(ctx, input),
  'clinicians.signIn': (ctx, input) => settings.signIn(ctx, input.clinicianId),
  'patients.create': (ctx, input) => patients.createPatient(ctx, input),
  'patients.search': (ctx, input) => patients.searchPatients(ctx, input),
  'patients.get': (ctx, input) => patients.getPatient(ctx, input.patientId),
};

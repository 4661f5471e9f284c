import type { z } from 'zod';
import type { ApiResult, ChannelDef } from './define';
import { accessChannels } from './access';
import { assessmentsChannels } from './assessments';
import { auditChannels } from './audit';
import { checkInChannels } from './checkIn';
import { deviceChannels } from './device';
import { displayChannels } from './display';
import { exportsChannels } from './exports';
import { intakeChannels } from './intake';
import { letterChannels } from './letters';
import { patientChannels } from './patients';
import { reportsChannels } from './reports';
import { sessionsChannels } from './sessions';
import { setupChannels } from './setup';
import { standardExportChannels } from './standardExports';

/** Every channel the renderer may call. Nothing crosses the process boundary that is not here. */
export const contract = {
  ...setupChannels,
  ...accessChannels,
  ...patientChannels,
  ...intakeChannels,
  ...sessionsChannels,
  ...checkInChannels,
  ...assessmentsChannels,
  ...auditChannels,
  ...letterChannels,
  ...exportsChannels,
  ...standardExportChannels,
  ...reportsChannels,
  ...displayChannels,
  ...deviceChannels,
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type InputOf<K extends ChannelName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends ChannelName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends ChannelName> = Contract[K] extends ChannelDef<z.ZodType, infer O> ? O : never;

export const channelNames = Object.keys(contract) as ChannelName[];

type NamespaceOf<K> = K extends `${infer N}.${string}` ? N : never;
export type Namespace = NamespaceOf<ChannelName>;
type MethodsOf<N extends Namespace, R extends 'raw' | 'client'> = {
  [K in ChannelName as K extends `${N}.${infer M}` ? M : never]: (
    input: InputOf<K>,
  ) => Promise<R extends 'raw' ? ApiResult<OutputOf<K>> : OutputOf<K>>;
};

/** What the preload (or the test transport) puts on `window.api`: results arrive enveloped. */
export type ApiBridge = { [N in Namespace]: MethodsOf<N, 'raw'> };
/** What screens call: `api.patients.create(input)` resolves to the value or throws ApiError. */
export type ApiClient = { [N in Namespace]: MethodsOf<N, 'client'> };

/**
 * Builds the nested bridge from the channel list. The preload and the test transport both call
 * this with their own `invoke`, so the page sees the same object either way.
 */
export function buildBridge(
  names: readonly string[],
  invoke: (channel: string, input: unknown) => Promise<unknown>,
): ApiBridge {
  const bridge: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const name of names) {
    const [namespace, method] = name.split('.') as [string, string];
    (bridge[namespace] ??= {})[method] = (input: unknown) => invoke(name, input ?? {});
  }
  return bridge as unknown as ApiBridge;
}

export * from './define';

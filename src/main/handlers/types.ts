import type { ChannelName, OutputOf, ParsedInputOf } from '../../shared/contract';
import type { ServiceContext } from '../context';

export type Handler<K extends ChannelName> = (
  ctx: ServiceContext,
  input: ParsedInputOf<K>,
) => OutputOf<K> | Promise<OutputOf<K>>;

/** The handlers for one workflow's channels: a missing or misspelled one is a type error. */
export type HandlersFor<Channels> = { [K in keyof Channels & ChannelName]: Handler<K> };

import type { letterChannels } from '../../shared/contract/letters';
import * as records from '../services/letters/records';
import * as settings from '../services/letters/settings';
import { readSources, recipientOptions } from '../services/letters/sources';
import type { HandlersFor } from './types';

export const lettersHandlers: HandlersFor<typeof letterChannels> = {
  'letters.settings': (ctx) => settings.letterSettings(ctx),
  'letters.saveLetterhead': (ctx, input) => settings.saveLetterhead(ctx, input),
  'letters.saveSignatory': (ctx, input) => settings.saveSignatory(ctx, input),
  'letters.saveTemplate': (ctx, input) => settings.saveTemplate(ctx, input),
  'letters.resetTemplate': (ctx, input) => settings.resetTemplate(ctx, input.type),
  'letters.setReplyWaitDays': (ctx, input) => settings.setReplyWaitDays(ctx, input.days),
  'letters.recipientOptions': (ctx, input) => recipientOptions(ctx, readSources(ctx, input.patientId).record),
  'letters.create': (ctx, input) => records.createLetter(ctx, input),
  'letters.get': (ctx, input) => records.getLetter(ctx, input.letterId),
  'letters.saveDraft': (ctx, input) => records.saveLetterDraft(ctx, input),
  'letters.export': (ctx, input) => records.exportLetter(ctx, input),
  'letters.finalise': (ctx, input) => records.finaliseLetter(ctx, input.letterId),
  'letters.correct': (ctx, input) => records.correctLetter(ctx, input),
  'letters.recordSent': (ctx, input) => records.recordSent(ctx, input),
  'letters.recordReply': (ctx, input) => records.recordReply(ctx, input),
  'letters.saveReplyAttachment': (ctx, input) => records.saveReplyAttachment(ctx, input.replyId),
  'letters.register': (ctx, input) => records.letterRegister(ctx, input),
};

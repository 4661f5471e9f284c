import type { deviceChannels } from '../../shared/contract/device';
import { deviceSettings, setDeviceSettings } from '../services/device';
import { requireClinician } from '../services/settings';
import type { HandlersFor } from './types';

export const deviceHandlers: HandlersFor<typeof deviceChannels> = {
  'device.settings': (ctx) => deviceSettings(ctx),
  'device.setSettings': (ctx, input) => setDeviceSettings(ctx, requireClinician(ctx), input),
};

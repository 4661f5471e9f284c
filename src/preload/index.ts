import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge, channelNames, type ApiBridge } from '../shared/contract';

// Only the contract's channels, each a single invoke: no raw ipcRenderer reaches the page.
const api: ApiBridge = buildBridge(channelNames, (channel, input) => ipcRenderer.invoke(channel, input));

contextBridge.exposeInMainWorld('api', api);

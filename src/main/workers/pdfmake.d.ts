// pdfmake 0.3 ships no types; the worker uses only the calls typed in renderWorker.ts.
declare module 'pdfmake';
declare module 'pdfmake/fonts/Roboto.js';

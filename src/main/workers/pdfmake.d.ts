// pdfmake 0.3 ships no types; the worker uses only the calls typed in render.worker.ts.
declare module 'pdfmake';
declare module 'pdfmake/fonts/Roboto.js';

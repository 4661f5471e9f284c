// pdfmake 0.3 ships no types; the handout uses only the calls typed in handout.ts.
declare module 'pdfmake';
declare module 'pdfmake/fonts/Roboto.js';

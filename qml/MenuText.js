.pragma library
// Menu texts as people read them: "&New" is the text "New" with N as its mnemonic, and
// "&&" is a literal ampersand ("Search && replace").
function plain(text) { return text.replace(/&(.)/g, "$1") }

// On a phone the open prompt picker filled the first screen, pushing the writing box (or the picture chooser) below it.
// There it starts folded to its heading, one tap from open; without JavaScript it simply stays open.
for (const picker of document.querySelectorAll("details[data-fold-on-phone]")) {
  if (window.matchMedia("(max-width: 40rem)").matches) picker.open = false;
}

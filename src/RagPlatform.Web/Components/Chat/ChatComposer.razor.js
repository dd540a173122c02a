// Enter sends the question; Shift+Enter (or Enter while an input method is composing) inserts a newline.
export function submitOnEnter(textarea) {
    textarea.addEventListener('keydown', event => {
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            textarea.form?.requestSubmit();
        }
    });
}

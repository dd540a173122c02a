// Enter sends the question; Shift+Enter (or Enter while an input method is composing) inserts a newline.
export function submitOnEnter(textarea) {
    textarea.addEventListener('keydown', event => {
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            textarea.form?.requestSubmit();
        }
    });
}

// Brings the newest question and its answer into view, above the sticky question box.
export function revealLatestTurn() {
    const turns = document.querySelectorAll('.turn');
    turns[turns.length - 1]?.scrollIntoView({ block: 'start', behavior: 'smooth' });
}

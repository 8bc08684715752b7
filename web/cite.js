// Copy buttons for the citations on an article page.

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function selectContents(el) {
  const range = document.createRange();
  range.selectNodeContents(el);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

export function initCopyButtons(root) {
  for (const button of root.querySelectorAll('button.copy[data-copy]')) {
    const target = document.getElementById(button.dataset.copy);
    if (!target) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      const copied = await copyText(target.innerText.trim());
      // Without clipboard access the text is selected, ready for Ctrl+C.
      if (!copied) selectContents(target);
      button.textContent = copied ? 'Copied' : 'Selected';
      button.classList.add('done');
      setTimeout(() => {
        button.textContent = 'Copy';
        button.classList.remove('done');
      }, 2000);
    });
  }
}

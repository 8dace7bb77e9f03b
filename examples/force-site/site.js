// The force site's own script: all it can learn from the checker is the verdict's name.
document.addEventListener('warrant-check-verdict', (event) => {
  document.getElementById('host-verdict').textContent = `The checker reported: ${event.detail.verdict}`;
});

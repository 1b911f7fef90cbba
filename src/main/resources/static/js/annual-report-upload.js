// Sends the chosen file's bytes to the draft of the annual report (the form posts no files),
// then shows the report again; a refusal is shown beside the file field.
document.addEventListener('DOMContentLoaded', () => {
  const box = document.getElementById('upload');
  const file = document.getElementById('attachment-file');
  const status = document.getElementById('upload-status');
  if (!box || !file || !status) {
    return;
  }
  const token = document.querySelector('meta[name="csrf-token"]');
  const header = document.querySelector('meta[name="csrf-header"]');
  file.addEventListener('change', async () => {
    const chosen = file.files && file.files[0];
    if (!chosen) {
      return;
    }
    status.textContent = '…';
    const headers = { 'Content-Type': 'application/octet-stream', 'Accept': 'application/json' };
    if (token && header) {
      headers[header.content] = token.content;
    }
    const url = box.dataset.url + '?name=' + encodeURIComponent(chosen.name);
    try {
      const answer = await fetch(url, { method: 'POST', headers, body: chosen, credentials: 'same-origin' });
      if (answer.ok) {
        window.location.reload();
        return;
      }
      let detail = answer.statusText;
      try {
        const problem = await answer.json();
        detail = problem.detail || detail;
      } catch (e) {
        // not JSON: keep the status text
      }
      status.textContent = detail;
    } catch (e) {
      status.textContent = String(e);
    }
  });
});

// Reads the chosen EPCIS document file into the form's text field (the form posts text).
document.addEventListener('DOMContentLoaded', () => {
  const file = document.getElementById('document-file');
  const text = document.getElementById('document');
  if (!file || !text) {
    return;
  }
  file.addEventListener('change', () => {
    const chosen = file.files && file.files[0];
    if (!chosen) {
      return;
    }
    const reader = new FileReader();
    reader.onload = () => { text.value = reader.result; };
    reader.readAsText(chosen);
  });
});

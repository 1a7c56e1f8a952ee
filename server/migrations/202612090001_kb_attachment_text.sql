-- The text of an article's attached documents (PDF, DOCX, ODT, XLSX, TXT; scans and photos by OCR) is searched
-- with the article. The worker reads it after the upload (pending → reading → read, or none when the file holds
-- no text, or failed when it cannot be read), so an upload never waits for a 300-page PDF; `text_recognized`
-- says the text came from OCR (it may have errors). Existing documents are pending: the worker reads them too.
alter table kb_attachments add column text_state text not null default 'pending'
  check (text_state in ('pending', 'reading', 'read', 'none', 'failed'));
alter table kb_attachments add column text_content text;
alter table kb_attachments add column text_recognized boolean not null default false;
alter table kb_attachments add column text_claimed_at timestamptz;
create index kb_attachments_text_to_read on kb_attachments (created_at) where text_state in ('pending', 'reading');

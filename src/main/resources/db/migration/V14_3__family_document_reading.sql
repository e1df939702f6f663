-- Issue 17: the readable HTML view of a sealed document on the family's page. The XHTML a document's PDF was
-- rendered from, kept beside it when it is sealed (written once, like the document): the page shows the same words
-- the PDF has. Documents sealed before this version have none; the page offers their PDF only.
create table family_document_reading (
    document_id  bigint  primary key references family_document (id),
    html         text    not null
);

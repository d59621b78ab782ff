-- Photos (shared library media, ADR 0033): one row per uploaded image. `sealed` is base64(IV ‖ SM4-CBC(image))
-- under DeriveKey(master, "media.content"); no key is in the database. media_id is the opaque, unguessable name
-- clients use. A row belongs to its uploader until a module attaches it to one of its records (owner_kind,
-- owner_id); from then on whoever may read that record may read the photo (the module's access check).
CREATE TABLE media_objects (
    id @ID@,
    media_id TEXT NOT NULL UNIQUE,
    content_type TEXT NOT NULL,
    bytes BIGINT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    sealed TEXT NOT NULL,
    uploaded_by BIGINT NOT NULL,
    unit_id BIGINT NOT NULL,
    owner_kind TEXT,
    owner_id BIGINT,
    attached_by BIGINT,
    attached_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX media_objects_owner ON media_objects (owner_kind, owner_id);
CREATE INDEX media_objects_unattached ON media_objects (owner_kind, created_at);

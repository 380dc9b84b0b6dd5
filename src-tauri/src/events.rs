//! The events the shell sends the window, by name; the UI listens under the same names.

/// The mirror's status changed; the payload is a `MirrorStatus`.
pub(crate) const MIRROR_STATUS: &str = "mirror-status";
/// The user chose Tools › Check certificate files… in the menu; no payload.
pub(crate) const CHECK_CERTIFICATES: &str = "check-certificates";

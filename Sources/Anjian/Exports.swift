// NOTE: diagnostics and locations are part of the public API, so importing Anjian brings them.
@_exported public import AnjianCore

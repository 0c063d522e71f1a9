//! Shared by the import tests.

use retention_lab::core::import::importer::{import_text, Importer, Options, Outcome};

/// Reads a text whole and again in chunks of each of `sizes` bytes; every reading must give
/// the same outcome (chunk boundaries may fall anywhere in a real upload).
pub fn read_in_chunks(bytes: &[u8], options: &Options, sizes: &[usize]) -> Outcome {
    let whole = import_text(bytes, options.clone());
    for &size in sizes {
        let mut importer = Importer::new(options.clone());
        for chunk in bytes.chunks(size) {
            if !importer.feed(chunk) {
                break;
            }
        }
        assert_eq!(importer.finish(), whole, "chunks of {size} bytes");
    }
    whole
}

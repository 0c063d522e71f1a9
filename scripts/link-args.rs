//! Cargo's build script (`build` in Cargo.toml). The page's wasm is linked with its
//! relocations kept, which `scripts/split-wasm.sh` needs to cut the calculators fetched when
//! first shown out of it (docs/architecture.md, "Code fetched when first shown").

fn main() {
    println!("cargo:rerun-if-changed=scripts/link-args.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bin=retention-lab=--emit-relocs");
    }
}

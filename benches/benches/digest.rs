//! The content hash of `EntityTag::digest`: what each 128-bit-or-larger
//! candidate costs per KiB of response body, so that the choice rests on
//! figures (BENCHMARKS.md, "The ETag digest").
//!
//! `cargo bench -p api-status-benches --bench digest`

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use sha2::Digest;

/// A JSON-like body of `len` bytes (the content does not change the cost
/// of these hashes, only the length does).
fn body(len: usize) -> Vec<u8> {
    br#"{"id":1,"name":"Ada Lovelace","email":"ada@example.com"},"#
        .iter()
        .copied()
        .cycle()
        .take(len)
        .collect()
}

fn digest(c: &mut Criterion) {
    let mut group = c.benchmark_group("digest");
    group
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30);
    for len in [1024, 64 * 1024, 1024 * 1024] {
        let data = body(len);
        group.throughput(Throughput::Bytes(len as u64));
        group.bench_with_input(BenchmarkId::new("xxh3_128", len), &data, |b, data| {
            b.iter(|| xxhash_rust::xxh3::xxh3_128(black_box(data)))
        });
        group.bench_with_input(BenchmarkId::new("blake3", len), &data, |b, data| {
            b.iter(|| blake3::hash(black_box(data)))
        });
        group.bench_with_input(BenchmarkId::new("sha256", len), &data, |b, data| {
            b.iter(|| sha2::Sha256::digest(black_box(data)))
        });
        group.bench_with_input(
            BenchmarkId::new("EntityTag::digest", len),
            &data,
            |b, data| b.iter(|| api_status::EntityTag::digest(black_box(data))),
        );
    }
    group.finish();
}

criterion_group!(benches, digest);
criterion_main!(benches);

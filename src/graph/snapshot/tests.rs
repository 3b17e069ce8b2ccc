use super::*;
use crate::graph::algo::testing::{A, H, graph};

fn label() -> Label {
    Label {
        data: "store-1".into(),
        version: 3,
    }
}

fn written(graph: &KnowledgeGraph) -> Vec<u8> {
    let mut bytes = Vec::new();
    graph.write_snapshot(&label(), &mut bytes).expect("writes");
    bytes
}

/// A snapshot file around `header` and `body`, with a correct checksum.
fn framed(header: &Header, body: &[u8]) -> Vec<u8> {
    let header = postcard::to_stdvec(header).expect("encodes");
    let mut bytes = MAGIC.to_vec();
    bytes.extend((header.len() as u32).to_le_bytes());
    bytes.extend(header);
    bytes.extend(body);
    let sum = crc32fast::hash(&bytes);
    bytes.extend(sum.to_le_bytes());
    bytes
}

fn this_build() -> Header {
    Header {
        format: FORMAT,
        build: env!("CARGO_PKG_VERSION").into(),
        label: label(),
    }
}

fn read(bytes: &[u8]) -> Result<KnowledgeGraph, SnapshotError> {
    KnowledgeGraph::read_snapshot(bytes, &mut |_, _, _| {}).map(|(_, g)| g)
}

#[test]
fn a_snapshot_reads_back_with_its_header() {
    let g = graph(4, &[(0, A, 1), (1, H, 2), (2, H, 3), (0, A, 1)]);
    let bytes = written(&g);
    assert_eq!(
        KnowledgeGraph::snapshot_header(&bytes).unwrap(),
        this_build()
    );
    let back = read(&bytes).expect("reads");
    assert_eq!(back.stats(), g.stats());
    assert_eq!(
        back.claims().map(|c| c.to_claim()).collect::<Vec<_>>(),
        g.claims().map(|c| c.to_claim()).collect::<Vec<_>>()
    );
}

#[test]
fn every_flipped_byte_and_every_cut_is_refused() {
    let bytes = written(&graph(3, &[(0, A, 1), (1, H, 2)]));
    for i in 0..bytes.len() {
        let mut bad = bytes.clone();
        bad[i] ^= 0x20;
        assert!(read(&bad).is_err(), "byte {i} flipped was read");
        assert!(read(&bytes[..i]).is_err(), "cut at {i} was read");
    }
    assert!(matches!(read(b""), Err(SnapshotError::Damaged(_))));
    assert!(matches!(
        read(b"{\"not\": \"a snapshot\"}"),
        Err(SnapshotError::Damaged(_))
    ));
}

#[test]
fn another_format_or_build_is_refused_by_name() {
    let g = graph(2, &[(0, A, 1)]);
    let bytes = written(&g);
    let (_, body) = split(&bytes).expect("splits");
    for header in [
        Header {
            format: FORMAT + 1,
            ..this_build()
        },
        Header {
            build: "0.0.1".into(),
            ..this_build()
        },
    ] {
        let other = framed(&header, body);
        match read(&other) {
            Err(e @ SnapshotError::OtherBuild { .. }) => {
                assert!(e.to_string().contains(&header.build), "{e}")
            }
            other => panic!("read as {:?}", other.map(|g| g.stats())),
        }
    }
    assert!(read(&framed(&this_build(), body)).is_ok());
}

#[test]
fn a_body_whose_ids_point_nowhere_is_refused() {
    // Written by a (hypothetically) wrong build: claims of four people, but only two of them.
    let g = graph(4, &[(0, A, 1), (2, H, 3)]);
    let entities: Vec<&Entity> = g.entities.iter().take(2).collect();
    let body = BodyRef {
        vocabulary: g.vocabulary.predicates(),
        entities,
        sources: g.sources.iter().collect(),
        quantities: vec![],
        claims: g.claims.only_base().expect("one base"),
        mentions: vec![],
        bounds: None,
    };
    let body = postcard::to_stdvec(&body).expect("encodes");
    match read(&framed(&this_build(), &body)) {
        Err(SnapshotError::Damaged(why)) => assert!(why.contains("claims"), "{why}"),
        other => panic!("read as {:?}", other.map(|g| g.stats())),
    }
}

//! The reader's speed: drawing a frame, laying out at a new width, the first frame after
//! launch, and keys over a 1,000-transcript library.

mod support;

use std::hint::black_box;

use callread::app::{Action, AppState, DocLayout, LayoutMode, update};
use callread::keymap::Keymap;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn draw(state: &AppState, keymap: &Keymap) -> Buffer {
    let area = Rect::new(0, 0, state.size.0, state.size.1);
    let mut buf = Buffer::empty(area);
    callread::ui::draw(&mut buf, area, state, keymap);
    buf
}

fn frame(c: &mut Criterion) {
    let keymap = Keymap::default();
    let mut state = AppState::new(callread::library::bundled());
    update(&mut state, Action::Resize(200, 60));
    for _ in 0..40 {
        update(&mut state, Action::NextParagraph);
    }
    c.bench_function("reader/render_frame_200x60", |b| {
        b.iter(|| black_box(draw(&state, &keymap)))
    });
    // The same through ratatui's Terminal (double buffer and diff) on a TestBackend.
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(200, 60)).unwrap();
    c.bench_function("reader/terminal_draw_200x60", |b| {
        b.iter(|| {
            terminal
                .draw(|f| callread::ui::render(f, &state, &keymap))
                .unwrap();
        })
    });
}

fn layout(c: &mut Criterion) {
    let largest = callread::library::bundled()
        .into_iter()
        .max_by_key(|t| t.paragraph_count())
        .unwrap();
    let mut width = 80u16;
    c.bench_function("reader/layout_largest_at_new_width", |b| {
        b.iter(|| {
            width = if width >= 240 { 60 } else { width + 7 };
            black_box(DocLayout::new(
                &largest,
                width,
                LayoutMode::SideBySide,
                false,
                None,
            ))
        })
    });
}

fn first_frame(c: &mut Criterion) {
    let keymap = Keymap::default();
    c.bench_function("reader/first_frame_after_launch", |b| {
        b.iter(|| {
            let mut state = AppState::new(callread::library::bundled());
            update(&mut state, Action::Resize(120, 40));
            black_box(draw(&state, &keymap))
        })
    });
}

fn library(c: &mut Criterion) {
    let keymap = Keymap::default();
    let (dir, _) = support::synthetic_library(1000);
    let mut g = c.benchmark_group("reader/library_1000");
    g.sample_size(20);
    // What happens before the first frame with content: list the directory, load the first
    // file (the rest stream in behind it), lay out and draw.
    g.bench_function("first_frame", |b| {
        b.iter(|| {
            let files = callread::library::expand_paths(std::slice::from_ref(&dir)).unwrap();
            let first = callread::library::load_file(&files[0]).unwrap();
            let mut state = AppState::new(vec![first]);
            state.loading = Some((1, files.len()));
            update(&mut state, Action::Resize(120, 40));
            black_box(draw(&state, &keymap))
        })
    });
    let loaded = callread::library::load_paths(std::slice::from_ref(&dir), |_, _| {}).unwrap();
    let mut state = AppState::new(loaded.transcripts);
    update(&mut state, Action::Resize(120, 40));
    g.bench_function("key_next_paragraph_and_redraw", |b| {
        b.iter(|| {
            update(&mut state, Action::NextParagraph);
            black_box(draw(&state, &keymap))
        })
    });
    g.bench_function("key_page_down_and_redraw", |b| {
        b.iter(|| {
            update(&mut state, Action::PageDown);
            black_box(draw(&state, &keymap))
        })
    });
    // The sentence cursor aligns the pair it steps into (#15: within one frame).
    g.bench_function("key_next_sentence_and_redraw", |b| {
        b.iter(|| {
            update(&mut state, Action::NextSentence);
            black_box(draw(&state, &keymap))
        })
    });
    // The heaviest key: typing into the picker filters all 1,000 titles.
    g.bench_function("key_picker_type_and_redraw", |b| {
        update(&mut state, Action::OpenPicker);
        b.iter(|| {
            update(&mut state, Action::Input('z'));
            let buf = draw(&state, &keymap);
            update(&mut state, Action::Backspace);
            black_box(buf)
        })
    });
    update(&mut state, Action::Cancel);
    // Switching transcripts lays out the new one.
    g.bench_function("key_switch_transcript_and_redraw", |b| {
        let mut n = 0usize;
        b.iter(|| {
            n = (n + 7) % 1000;
            state.docs[n].layout = None;
            state.show_doc(n);
            black_box(draw(&state, &keymap))
        })
    });
    g.finish();
}

criterion_group!(benches, frame, layout, first_frame, library);
criterion_main!(benches);

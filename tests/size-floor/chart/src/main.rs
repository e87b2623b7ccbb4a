//! Size floor, step 2: the counter plus one plotters chart on a canvas, redrawn when the number changes.

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

fn draw(canvas: web_sys::HtmlCanvasElement, at: f64) -> Result<(), Box<dyn std::error::Error>> {
    let backend = CanvasBackend::with_canvas_object(canvas).ok_or("no 2d context")?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(&root)
        .caption("sigmoid", ("sans-serif", 18))
        .margin(10)
        .x_label_area_size(30)
        .y_label_area_size(40)
        .build_cartesian_2d(-8f64..8f64, 0f64..1f64)?;
    chart
        .configure_mesh()
        .x_desc("x")
        .y_desc("sigmoid(x)")
        .draw()?;
    chart.draw_series(LineSeries::new(
        (0..=160)
            .map(|i| -8.0 + i as f64 * 0.1)
            .map(|x| (x, sigmoid(x))),
        &BLUE,
    ))?;
    chart.draw_series(std::iter::once(Circle::new(
        (at, sigmoid(at)),
        4,
        RED.filled(),
    )))?;
    root.present()?;
    Ok(())
}

fn main() {
    mount_to_body(|| {
        let (count, set_count) = signal(0i32);
        let canvas_ref = NodeRef::<Canvas>::new();
        Effect::new(move |_| {
            let at = count.get() as f64;
            if let Some(canvas) = canvas_ref.get() {
                let _ = draw(canvas, at);
            }
        });
        view! {
            <button on:click=move |_| set_count.update(|n| *n += 1)>"+1"</button>
            <p>{move || count.get()}</p>
            <canvas node_ref=canvas_ref width="400" height="300"></canvas>
        }
    })
}

//! The one chart both chart pages draw: the sigmoid from −8 to 8 with a mesh, labels, a caption and a dot.

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

pub fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

pub fn draw(canvas: web_sys::HtmlCanvasElement, at: f64) -> Result<(), Box<dyn std::error::Error>> {
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

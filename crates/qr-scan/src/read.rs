//! Reading the modules of a located code and decoding them. The grid is sampled from the
//! grey image, not the black-and-white one, and each module is judged against the modules
//! around it: at 2–3 px a module, blur and glare leave a module's centre lighter or darker
//! than any one global threshold expects. quircs then reads the format, unmasks and
//! corrects errors (Reed–Solomon) exactly as for codes it finds itself, and `segments`
//! reads the text from the corrected data.

use super::image::Luma;
use super::perspective::Perspective;

/// Module values (grey levels) of a `size`×`size` code seen through `p`; `None` if part of
/// the code lies outside the image. Each is a weighted mean of nine points around the
/// module's centre, which halves the sensor noise of a dim frame without reaching into
/// the neighbouring modules.
pub fn sample_grid(luma: &Luma, p: &Perspective, size: usize) -> Option<Vec<f32>> {
    const OFFSETS: [(f64, f32); 3] = [(-0.22, 1.0), (0.0, 2.0), (0.22, 1.0)];
    let mut grid = Vec::with_capacity(size * size);
    for j in 0..size {
        for i in 0..size {
            let mut sum = 0.0;
            for (dv, wv) in OFFSETS {
                for (du, wu) in OFFSETS {
                    sum += wu * wv * luma.sample_at(p, i as f64 + 0.5 + du, j as f64 + 0.5 + dv)?;
                }
            }
            grid.push(sum / 16.0);
        }
    }
    Some(grid)
}

/// Each module pushed away from the mean of its neighbours along `directions` (grid steps,
/// each taken both ways) by `amount` times the difference. Blur mixes a module with all
/// four neighbours (`AROUND`); a hand moving during the exposure smears it into the next
/// ones along one direction, which is not known, so callers try several.
pub fn sharpen_grid(grid: &[f32], size: usize, directions: &[(isize, isize)], amount: f32) -> Vec<f32> {
    let n = size as isize;
    let at = |i: isize, j: isize| grid[(j.clamp(0, n - 1) * n + i.clamp(0, n - 1)) as usize];
    let mut out = Vec::with_capacity(grid.len());
    for j in 0..n {
        for i in 0..n {
            let sum: f32 = directions.iter().map(|&(di, dj)| at(i - di, j - dj) + at(i + di, j + dj)).sum();
            let neighbours = sum / (2 * directions.len()) as f32;
            out.push(at(i, j) + amount * (at(i, j) - neighbours));
        }
    }
    out
}

/// The four neighbours across and down.
pub const AROUND: [(isize, isize); 2] = [(1, 0), (0, 1)];
/// The directions a smear is tried along: across, down and both diagonals.
pub const SMEARS: [(isize, isize); 4] = [(1, 0), (0, 1), (1, 1), (1, -1)];

/// Dark or light for each module: darker than the mean of the modules within `reach`
/// modules of it, shifted by `bias` grey levels (positive counts more modules dark).
pub fn threshold_grid(grid: &[f32], size: usize, reach: usize, bias: f32) -> Vec<bool> {
    let stride = size + 1;
    let mut sums = vec![0.0f32; stride * stride];
    for j in 0..size {
        let mut row = 0.0;
        for i in 0..size {
            row += grid[j * size + i];
            sums[(j + 1) * stride + i + 1] = sums[j * stride + i + 1] + row;
        }
    }
    let mut dark = Vec::with_capacity(size * size);
    for j in 0..size {
        for i in 0..size {
            let (i0, j0, i1, j1) = (i.saturating_sub(reach), j.saturating_sub(reach), (i + reach + 1).min(size), (j + reach + 1).min(size));
            let total = sums[j1 * stride + i1] - sums[j0 * stride + i1] - sums[j1 * stride + i0] + sums[j0 * stride + i0];
            let mean = total / ((i1 - i0) * (j1 - j0)) as f32;
            dark.push(grid[j * size + i] < mean + bias);
        }
    }
    dark
}

/// The text of a code from its modules, if they decode (format, mask, error correction)
/// and every data segment reads (`segments`).
pub fn decode(size: usize, dark: &[bool]) -> Option<String> {
    let mut code = quircs::Code { size: size as i32, ..Default::default() };
    if code.cell_bitmap.len() * 8 < size * size {
        return None;
    }
    for (i, _) in dark.iter().enumerate().filter(|(_, &d)| d) {
        code.cell_bitmap[i >> 3] |= 1 << (i & 7);
    }
    text_of(&code)
}

/// The text of a code whose modules quircs has, if it reads whole.
pub fn text_of(code: &quircs::Code) -> Option<String> {
    let data = code.decode_codewords().ok()?;
    super::segments::text(data.version, &data.bytes)
}

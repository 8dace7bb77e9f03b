/// Writes greyscale frames as a Y4M video (I420, neutral chroma), the format Chromium's
/// fake camera reads.
pub fn write_y4m(out: &mut impl std::io::Write, width: usize, height: usize, fps: u32, frames: &[Vec<u8>]) -> std::io::Result<()> {
    writeln!(out, "YUV4MPEG2 W{width} H{height} F{fps}:1 Ip A1:1 C420jpeg")?;
    let chroma = vec![128u8; width.div_ceil(2) * height.div_ceil(2)];
    for f in frames {
        out.write_all(b"FRAME\n")?;
        out.write_all(f)?;
        out.write_all(&chroma)?;
        out.write_all(&chroma)?;
    }
    Ok(())
}

#version 450
// One frame's evidence of vertical line scratches: per column and band of 32 rows, how far the
// column stands out from the picture around it, as the median over the band's rows. The level the
// column would have without a line is predicted from the columns d and 2d away on both sides
// (4/6 of the nearer pair less 1/6 of the further one), which a picture curving smoothly across the
// line (a gradient, a highlight, a soft shadow) meets exactly, so that only what is narrower than d
// stands out. It counts only where the prediction from each side alone (carried on in a straight
// line from d and 2d) says the same sign, and not much less on one side than the other: a line, not
// an edge nor the flank of a line. Three widths: d = 2 (a line of one or two pixels, its own
// column), 3 (up to three, the mean of three columns) and 4 (up to five, of five). A scratch runs down the frame and shifts every row alike; the picture's texture shifts one
// row up and the next down, and the median keeps little of it.
layout(local_size_x = 8, local_size_y = 32) in;

layout(std430, set = 0, binding = 0) readonly buffer Frame { vec4 px[]; };
layout(std430, set = 0, binding = 1) buffer Profiles { float profiles[]; };  // [slot][width class][band][x]

layout(push_constant) uniform Push {
    int width, height, bands;
    int slot;  // where this frame's evidence is kept
} pc;

const int kClasses = 3;
const int kMeasures = 3;  // the line against both sides, against the left alone, against the right alone
shared float differences[kClasses][kMeasures][8][32];
shared float medians[kClasses][kMeasures][8];
// The weaker side must say at least this share of the stronger: beside a line, one side of a
// column's sides lies on the line and the other on the picture, and the column is the line's flank.
const float kBalance = 0.25;

float luma(int x, int y) { return dot(px[y * pc.width + x].rgb, vec3(0.2126, 0.7152, 0.0722)); }

float finiteOrZero(float v) { return isnan(v) || isinf(v) ? 0.0 : v; }

void main() {
    const int x = int(gl_GlobalInvocationID.x), band = int(gl_WorkGroupID.y);
    const int lx = int(gl_LocalInvocationID.x), ly = int(gl_LocalInvocationID.y);
    const int y = band * 32 + ly;
    const bool inside = x < pc.width && y < pc.height;
    for (int k = 0; k < kClasses; ++k) {
        const int d = k + 2;
        float both = 0.0, l = 0.0, r = 0.0;
        if (inside && x - 2 * d >= 0 && x + 2 * d < pc.width) {
            float centre = 0.0;
            for (int o = 2 - d; o <= d - 2; ++o) centre += luma(x + o, y);
            centre /= float(2 * d - 3);
            const float l1 = luma(x - d, y), l2 = luma(x - 2 * d, y), r1 = luma(x + d, y), r2 = luma(x + 2 * d, y);
            both = finiteOrZero(centre - (4.0 * (l1 + r1) - (l2 + r2)) / 6.0);
            l = finiteOrZero(centre - (2.0 * l1 - l2));
            r = finiteOrZero(centre - (2.0 * r1 - r2));
        }
        differences[k][0][lx][ly] = both;
        differences[k][1][lx][ly] = l;
        differences[k][2][lx][ly] = r;
    }
    barrier();
    // Each median is found by the row whose value has as many below it as above (ties broken by
    // row), and the three combined by the band's first row.
    const int rows = min(32, pc.height - band * 32);
    const int middle = (rows - 1) / 2;
    if (x < pc.width && ly < rows)
        for (int k = 0; k < kClasses; ++k)
            for (int m = 0; m < kMeasures; ++m) {
                const float v = differences[k][m][lx][ly];
                int below = 0;
                for (int r = 0; r < rows; ++r) {
                    const float u = differences[k][m][lx][r];
                    below += (u < v || (u == v && r < ly)) ? 1 : 0;
                }
                if (below == middle) medians[k][m][lx] = v;
            }
    barrier();
    if (x >= pc.width || ly != 0) return;
    for (int k = 0; k < kClasses; ++k) {
        const float both = medians[k][0][lx], l = medians[k][1][lx], r = medians[k][2][lx];
        const bool line = l * both > 0.0 && r * both > 0.0 && min(abs(l), abs(r)) >= kBalance * max(abs(l), abs(r));
        const float e = line ? both : 0.0;
        profiles[((pc.slot * kClasses + k) * pc.bands + band) * pc.width + x] = e;
    }
}

#pragma once
// SMPTE ST 2084 (PQ), the transfer function of HDR10 and Dolby Vision signals, in closed form: what
// places nits on an HDR waveform, checks that a display/view gives PQ, and maps the station's own
// pixels onto an HDR10 window.
namespace tinct {

// The inverse EOTF: absolute luminance in cd/m2 (clamped to 0..10000) -> non-linear signal 0..1.
double pqSignalFromNits(double nits);
// The EOTF: signal (clamped to 0..1) -> cd/m2, 0..10000.
double nitsFromPqSignal(double signal);

}  // namespace tinct

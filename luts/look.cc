<?xml version="1.0" encoding="UTF-8"?>
<!-- Tinct's sample look: a gentle warm grade for scene-linear ACES2065-1 footage. Red slope up and
     blue slope down warm the whole range without a hue twist in the highlights; the offsets are a
     small warm lift of the blacks that stays non-negative; power 1 keeps linear values above 1
     behaving like those below; saturation 1.1 adds a little richness. -->
<ColorCorrection id="tinct_sample_look" xmlns="urn:ASC:CDL:v1.2">
    <SOPNode>
        <Description>gentle warm look: red up, blue down, small warm lift</Description>
        <Slope>1.05 1.0 0.95</Slope>
        <Offset>0.002 0.001 0.0005</Offset>
        <Power>1.0 1.0 1.0</Power>
    </SOPNode>
    <SatNode>
        <Saturation>1.1</Saturation>
    </SatNode>
</ColorCorrection>

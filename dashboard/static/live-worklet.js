// Runs in the audio thread: turns the microphone's float samples into 16-bit PCM frames of 20 ms and posts them, with
// their loudness, to live.js.
class PCMFrames extends AudioWorkletProcessor {
  constructor() {
    super();
    this.frame = new Int16Array(Math.round(sampleRate / 50));
    this.filled = 0;
    this.peak = 0;
  }

  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (!channel) { return true; }
    for (let index = 0; index < channel.length; index++) {
      const sample = Math.max(-1, Math.min(1, channel[index]));
      this.peak = Math.max(this.peak, Math.abs(sample));
      this.frame[this.filled++] = sample < 0 ? sample * 0x8000 : sample * 0x7fff;
      if (this.filled === this.frame.length) {
        this.port.postMessage({ pcm: this.frame.buffer.slice(0), peak: this.peak });
        this.filled = 0;
        this.peak = 0;
      }
    }
    return true;
  }
}

registerProcessor("pcm-frames", PCMFrames);

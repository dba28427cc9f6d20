# Sourced by bootstrap.sh: start PulseAudio with two null sinks when no sound card is present.
#   spk  - the app speaks into it; tests record spk.monitor to hear what was said
#   mic  - tests play answers into it; mic.monitor is the default input (the virtual microphone)
start_virtual_audio() {
  if ! command -v pulseaudio >/dev/null 2>&1; then
    echo "pulseaudio not installed; audio tests will fail" >&2
    return 0
  fi
  if ! pactl info >/dev/null 2>&1; then
    pulseaudio -D --exit-idle-time=-1 --disallow-exit >/dev/null 2>&1 || true
    for _ in $(seq 1 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
  fi
  if ! pactl info >/dev/null 2>&1; then
    echo "could not start PulseAudio; audio tests will fail" >&2
    return 0
  fi
  pactl list short sinks | grep -q $'\tspk\t' || pactl load-module module-null-sink sink_name=spk >/dev/null
  pactl list short sinks | grep -q $'\tmic\t' || pactl load-module module-null-sink sink_name=mic >/dev/null
  pactl set-default-sink spk
  pactl set-default-source mic.monitor
  # A suspended null sink's monitor delivers nothing until audio starts, and then drops the
  # first part of it: keep the virtual devices running.
  # Even running, a stream that starts playing into a null sink loses its first 60-90 ms in a
  # low-latency recording of the monitor (the app's Microphone; parec's large buffer keeps it):
  # play answers that start with sound after 0.3 s of silence, or their first word is cut before
  # the app hears it (trial 35 D5: "Can I assume" heard as "I assume").
  if pactl list short modules | grep -q module-suspend-on-idle; then
    pactl unload-module module-suspend-on-idle || true
  fi
  # Pin clients (pactl, paplay, and libpulse inside PortAudio/sounddevice) to this server, so
  # tests that point HOME or XDG_RUNTIME_DIR at a temporary folder still find it.
  local server
  server=$(pactl info 2>/dev/null | sed -n 's/^Server String: //p')
  if [ -n "$server" ]; then
    case "$server" in unix:*|tcp:*) ;; *) server="unix:$server" ;; esac
    export PULSE_SERVER="$server"
  fi
}

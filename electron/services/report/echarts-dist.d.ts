// ECharts as one prebuilt ES module: loads in ~70 ms where the package's module graph takes ~2 s
// through tsx's loader (the CLI); esbuild bundles it into the app either way.
declare module 'echarts/dist/echarts.esm.min' {
  export * from 'echarts';
}

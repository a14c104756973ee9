import { AllCommunityModule, ModuleRegistry, colorSchemeDark, colorSchemeLight, themeQuartz } from 'ag-grid-community';

ModuleRegistry.registerModules([AllCommunityModule]);

const base = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontWeight: 600,
  spacing: 6,
  wrapperBorderRadius: 8,
  accentColor: '#0f766e',
});

/** The grid theme matching the app's light or dark theme. */
export function gridTheme(dark: boolean) {
  return base.withPart(dark ? colorSchemeDark : colorSchemeLight);
}

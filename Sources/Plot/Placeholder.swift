public enum PlotPlaceholder {}

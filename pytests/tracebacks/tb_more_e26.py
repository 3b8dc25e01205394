eg = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError(1)])
raise eg
